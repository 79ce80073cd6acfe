// Zod in the browser without `new Function`: defining an object schema probes
// whether eval is allowed (for its JIT parser), and our CSP (no 'unsafe-eval')
// reports that probe as a violation even though zod catches it. Import this
// FIRST in any schema module a client component loads. Only in the browser:
// the server keeps the faster JIT parser (imports parse many rows).
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
