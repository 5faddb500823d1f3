import { z } from 'zod';

// Zod compiles fast parsers with `new Function` unless told not to. Our Content-Security-Policy forbids eval
// (issue 11), and even zod's guarded probe for it is reported as a violation, so every schema in the app is built
// from this configured instance. Import `z` from here, never from 'zod' directly.
z.config({ jitless: true });

export { z };
