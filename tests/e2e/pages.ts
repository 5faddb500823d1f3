// Every page of the app, scanned by axe in a11y.e2e.ts. scripts/routes.spec.ts fails when a route is missing here.
export const PAGES = [
	'/',
	'/profiles/',
	'/your-data/',
	'/progress/',
	'/accessibility/',
	'/trainer/',
	'/learn/',
	'/learn/module/?id=what-records-are-for',
	'/learn/certificate/',
	'/glossary/',
	'/scenarios/',
	'/play/?scenario=nhs-number-check-gentle',
	'/rules/',
	'/outcomes/',
	'/assessment/',
	'/evidence/'
];
