export * from './inventory.js';
export * from './timeline.js';
export * from './metrics.js';
export * from './findings.js';
export * from './report.js';
export * from './baseline.js';
export * from './sample.js';
export * from './uri.js';
