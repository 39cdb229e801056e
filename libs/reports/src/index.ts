export * from './monitor-report';
export * from './reports-http.module';
export * from './suppression';
export { monitorCsv } from './monitor-csv';
