// Every page of the app, scanned by axe in a11y.e2e.ts. scripts/routes.spec.ts fails when a route is missing here.
export const PAGES = [
	'/',
	'/profiles/',
	'/your-data/',
	'/progress/',
	'/accessibility/',
	'/trainer/',
	'/trainer/scenarios/',
	'/trainer/scenarios/edit/?kind=nhs-number-check',
	'/learn/',
	'/learn/module/?id=what-records-are-for',
	'/learn/certificate/',
	'/glossary/',
	'/scenarios/',
	'/trust/',
	'/play/?scenario=nhs-number-check-gentle',
	'/pas/',
	'/play/?scenario=subject-access-request-gentle',
	'/rules/',
	'/outcomes/',
	'/assessment/',
	'/evidence/'
];
