// Programmatic access to the compiled nodes and credentials (n8n itself loads them through package.json's "n8n" section).
const { InvisibleCollector } = require('./dist/nodes/InvisibleCollector/InvisibleCollector.node');
const { InvisibleCollectorApi } = require('./dist/credentials/InvisibleCollectorApi.credentials');

module.exports = {
	nodes: { InvisibleCollector },
	credentials: { InvisibleCollectorApi },
	InvisibleCollector,
	InvisibleCollectorApi,
};
