// Runs before the app's modules: zod must never probe `new Function` (the CSP forbids eval; the probe would log a
// violation on every load). zod reads this object when it builds its first schema. src/app/zod-config.ts says the
// same but can run too late: the build puts zod and the shared schemas in a chunk that is evaluated before it.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
