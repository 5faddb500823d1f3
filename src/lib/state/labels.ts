export { roleLabel, PROFILE_ROLES, PROFILE_NAME_MAX } from '$lib/db/profiles';
export type { ProfileRole, Profile } from '$lib/db/profiles';
