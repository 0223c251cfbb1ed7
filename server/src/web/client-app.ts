import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { Logger } from '@nestjs/common';

/**
 * Serves the built React app on the API's own origin (no CORS): hashed assets cached for a year, every other
 * GET outside /api and /socket.io answered with index.html so client-side routes survive a reload.
 */
export function mountClientApp(app: Express, distDir: string): boolean {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    new Logger('Web').warn(`Chưa có bản build giao diện tại ${distDir} (chạy "npm run build"); chỉ phục vụ API.`);
    return false;
  }
  app.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false, index: false }),
  );
  app.use(express.static(distDir, { index: false, maxAge: 0 }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path.startsWith('/api/') || req.path === '/api' || req.path.startsWith('/socket.io')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
