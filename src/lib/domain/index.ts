// The domain's public facade (issue 3). Scenarios, scoring and the generator import rules from here.
export * from './nhs-number';
export * from './rules';
export * from './settings';
export * from './calendar';
export * from './deadlines';
export * from './other-identifiers';
export * from './filing-order';
export * from './identity-match';
export * from './retention';
export * from './disclosure';
export * from './confidentiality';
export * from './call-handling';
export * from './child-access';
export * from './breach-grading';
export * from './access-audit';
