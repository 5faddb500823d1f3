// Static, client-only app (docs/adr/0001-static-client-only.md).
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'always';
