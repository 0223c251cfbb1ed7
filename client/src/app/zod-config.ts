import { z } from 'zod';

// The server's CSP forbids eval: tell zod not to probe `new Function` (which would log a CSP violation).
z.config({ jitless: true });
