export interface HealthDto {
  status: 'ok';
  db: 'sqlite' | 'postgres';
  realtime: 'single' | 'redis';
}
