// The scenario engine's public surface. Family authors: see README.md in this folder.
export * from './decisions';
export * from './definition';
export * from './kind';
export * from './machine';
export * from './outcomes';
export * from './prng';
export * from './registry';
export * from './rubric';
export * from './scoring';
export * from './xapi';
