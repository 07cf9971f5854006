export * from './app.js';
export * from './config.js';
export * from './serve.js';
export * from './serve.info.js';
export { backupFileName, pruneBackups, queueBackup, runScheduledBackup } from './services/backup.job.js';
export * from './auth/password.js';
export * from './seed/an-lac.seed.js';
export { openApiDocument } from './http/openapi.js';
export * from './reports/party-document.docx.js';
