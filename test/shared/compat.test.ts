/** What the engine does differently for n8n 1.x, whose engine these unit tests cannot load. */
import { NodeApiError, type INode } from 'n8n-workflow';

import { engineRoutesOnErrorProperty, route, type ItemReport } from '../../nodes/shared/output';
import { statusFromNodeApiError } from '../../nodes/shared/transport';

const node: INode = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

const failed: ItemReport = {
	itemIndex: 2,
	name: 'x',
	outcome: { kind: 'error', message: 'bad', description: 'why', httpCode: 400, attempts: 1, source: 'api' },
};

describe('error items for n8n 1.x', () => {
	it('tells the engines apart by the execution context', () => {
		expect(engineRoutesOnErrorProperty({})).toBe(true);
		expect(engineRoutesOnErrorProperty({ isToolExecution: () => false })).toBe(false);
	});

	it('adds the error property only when asked, keeping json and pairedItem', () => {
		const error = new NodeApiError(node, { message: 'bad' }, { message: 'bad' });
		const [[plain]] = route('v', [failed]);
		const [[legacy]] = route('v', [failed], () => error);

		expect(plain.error).toBeUndefined();
		expect(legacy.error).toBe(error);
		expect(legacy.json).toEqual(plain.json);
		expect(legacy.pairedItem).toEqual({ item: 2 });
	});
});

describe('reading a status n8n 1.x threw without the HTTP answer', () => {
	it('keeps the status and the vendor words it kept', () => {
		expect(statusFromNodeApiError({ httpCode: '409', description: 'Group already registered' })).toEqual({
			statusCode: 409,
			headers: {},
			body: { message: 'Group already registered' },
		});
		expect(statusFromNodeApiError({ httpCode: null, message: 'ECONNRESET' })).toBeUndefined();
	});
});
