export * from './attempts';
export * from './database';
export * from './profiles';
export * from './settings';
export * from './storage';
export * from './backup';
export * from './trainer';
export * from './definitions';
