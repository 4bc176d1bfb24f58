// Programmatic access to the compiled nodes and credentials. n8n itself loads them through the
// "n8n" section of package.json; this lists the same files.
const { n8n } = require('./package.json');

const load = (files) =>
	Object.fromEntries(
		files.flatMap((file) => Object.entries(require(`./${file}`)).filter(([, value]) => typeof value === 'function')),
	);

const nodes = load(n8n.nodes);
const credentials = load(n8n.credentials);

module.exports = { nodes, credentials, ...nodes, ...credentials };
