/**
 * A signed-in session on n8n's own REST API (what the editor uses): the owner account is created on a
 * fresh instance through `POST /rest/owner/setup`, whose answer carries the `n8n-auth` cookie.
 * n8n binds that cookie to a `browser-id` header, so every request sends the same one.
 */

export interface OwnerAccount {
	readonly email: string;
	readonly password: string;
	readonly firstName: string;
	readonly lastName: string;
}

/** Local-only login for the demo and the tests (n8n wants 8+ characters, a digit and a capital). */
export const SANDBOX_OWNER: OwnerAccount = {
	email: 'owner@example.com',
	password: 'Sandbox-Owner-1',
	firstName: 'Sandbox',
	lastName: 'Owner',
};

const BROWSER_ID = 'group-provisioning-e2e';

export class RestError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: string,
	) {
		super(message);
		this.name = 'RestError';
	}
}

export class RestSession {
	private constructor(
		readonly baseUrl: string,
		private readonly cookie: string,
	) {}

	static async setupOwner(baseUrl: string, owner: OwnerAccount = SANDBOX_OWNER): Promise<RestSession> {
		const response = await fetch(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify(owner),
		});
		const body = await response.text();
		if (response.status !== 200) throw new RestError(`owner setup answered ${response.status}: ${body}`, response.status, body);
		const cookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (cookie === undefined) throw new Error('owner setup set no n8n-auth cookie');
		return new RestSession(baseUrl, cookie.split(';')[0]);
	}

	/** GET or POST `path`; resolves with the `data` field of n8n's `{ data }` answer. */
	async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { cookie: this.cookie, 'browser-id': BROWSER_ID, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (response.status !== 200) throw new RestError(`${method} ${path} answered ${response.status}: ${text}`, response.status, text);
		const parsed = JSON.parse(text) as unknown;
		return typeof parsed === 'object' && parsed !== null && 'data' in parsed ? parsed.data : parsed;
	}
}
