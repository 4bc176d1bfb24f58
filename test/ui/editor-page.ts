/**
 * What a builder does in n8n's editor, as browser steps: sign in, open a workflow, open a node's
 * parameter panel, run the workflow, read the item counts on the canvas, open a credential and test
 * it. Selectors are n8n 2.x's own `data-test-id`s (the ones n8n's own end-to-end tests use).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

import { SANDBOX_OWNER } from '../e2e/n8n/rest-session';

const byTestId = (id: string): string => `[data-test-id="${id}"]`;

export async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.fill('input[name="emailOrLdapLoginId"]', SANDBOX_OWNER.email);
	await page.fill('input[name="password"]', SANDBOX_OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** Opens a saved workflow and waits for its canvas. */
export async function openWorkflow(page: Page, baseUrl: string, workflowId: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	await page.waitForSelector(byTestId('canvas-node'), { timeout: 30_000 });
}

/**
 * Opens the node's parameter panel (double click, as a user does) and returns the parameters the
 * editor marks with an issue (the red warning sign beside a field), by their parameter names.
 */
export async function parameterIssues(page: Page, nodeName: string): Promise<string[]> {
	await page.locator(byTestId('canvas-node'), { hasText: nodeName }).first().dblclick();
	await page.waitForSelector(byTestId('node-parameters'), { timeout: 15_000 });
	// The panel renders its fields in one pass; the issues sign comes with the field.
	await page.waitForTimeout(500);
	const issues = await page.$$eval(`${byTestId('parameter-issues')}`, (signs) =>
		signs.map((sign) => {
			const field = sign.closest('[data-test-id$="-parameter-input-options-container"]') ?? sign.closest('[data-test-id="parameter-item"]');
			const label = field?.getAttribute('data-test-id')?.replace(/-parameter-input-options-container$/, '');
			return label ?? field?.textContent?.trim().slice(0, 60) ?? 'a field';
		}),
	);
	await closeNodePanel(page);
	return issues;
}

export async function closeNodePanel(page: Page): Promise<void> {
	await page.click(byTestId('ndv-close-button'));
	await page.waitForSelector(byTestId('ndv'), { state: 'hidden', timeout: 10_000 });
}

/**
 * Clicks *Execute workflow* and waits until the canvas shows what `nodeName` put out: n8n labels an
 * edge with its item count once the run's data reached the editor (the labels come a moment after
 * the "executed successfully" toast).
 */
export async function executeWorkflow(page: Page, nodeName: string, timeoutMs = 60_000): Promise<void> {
	await page.click(byTestId('execute-workflow-button'));
	await page.waitForSelector(`${byTestId('edge-label')}[data-source-node-name="${nodeName}"][data-edge-status="success"]`, { timeout: timeoutMs });
	// Every output's label is drawn in the same pass; give it that pass.
	await page.waitForTimeout(500);
}

/** The item count the canvas shows on the edge from `source` to `target` (0 when it shows none). */
export async function edgeItemCount(page: Page, source: string, target: string): Promise<number> {
	const label = page.locator(`${byTestId('edge-label')}[data-source-node-name="${source}"][data-target-node-name="${target}"]`);
	if ((await label.count()) === 0) return 0;
	const text = (await label.first().textContent()) ?? '';
	const match = /(\d+)\s+items?/.exec(text);
	return match ? Number(match[1]) : 0;
}

/**
 * Opens a saved credential (its page in Overview → Credentials) and saves it, which makes n8n run
 * the credential type's Test; returns the message the dialog shows.
 */
export async function testCredential(page: Page, baseUrl: string, credentialId: string): Promise<string> {
	await page.goto(`${baseUrl}/home/credentials/${credentialId}`);
	await page.waitForSelector(byTestId('credential-save-button'), { timeout: 30_000 });
	await page.click(byTestId('credential-save-button'));
	const banner = page.locator('text=/Connection tested successfully|Couldn.t connect with these settings/');
	await banner.first().waitFor({ timeout: 30_000 });
	const message = (await banner.first().textContent())?.trim() ?? '';
	await page.keyboard.press('Escape');
	return message;
}

/** Saves a screenshot as `<dir>/<name>.png` and returns its path. */
export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
	mkdirSync(dir, { recursive: true });
	const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
	await page.screenshot({ path });
	return path;
}

/** Runs a browser step; on failure keeps a screenshot of what the page showed and says where. */
export async function keepingFailureShot<T>(page: Page, dir: string, name: string, step: () => Promise<T>): Promise<T> {
	try {
		return await step();
	} catch (error) {
		const path = await screenshot(page, dir, `failed-${name}`).catch(() => 'no screenshot (the page was gone)');
		if (error instanceof Error) error.message += `\nScreenshot: ${path}`;
		throw error;
	}
}

/**
 * Adds a node from the node panel as a builder does on an open workflow: the + at the canvas's top
 * right opens the panel (n8n 2.41 moved the keyboard shortcut from Tab to N), the
 * search finds the vendor, a click on its node lists the actions, a click on `action` adds the node
 * (n8n opens its parameter panel, closed here). Returns what the canvas shows of the new node (its
 * name and the line under it).
 */
export async function addNodeFromPanel(page: Page, search: string, action: string): Promise<string> {
	await page.locator(byTestId('canvas-node')).first().waitFor({ timeout: 30_000 });
	const before = await page.locator(byTestId('canvas-node')).count();
	await page.click(byTestId('node-creator-plus-button'));
	await page.fill(`${byTestId('node-creator-search-bar')} input, input${byTestId('node-creator-search-bar')}`, search);
	// A node with several actions is listed by its name; a click opens its actions.
	await page.locator(byTestId('node-creator-item-name')).getByText(search, { exact: true }).first().click();
	// An installed community node lists its actions on its details page, by their words.
	await page.locator(byTestId('node-creator')).getByText(action, { exact: true }).first().click();
	await page.waitForSelector(byTestId('ndv'), { timeout: 15_000 });
	await closeNodePanel(page);
	const added = page.locator(byTestId('canvas-node')).nth(before); // the canvas appends the new node
	await added.waitFor({ timeout: 10_000 });
	return ((await added.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Opens a saved OAuth2 credential and clicks Connect: n8n opens the authorization page in a popup,
 * which (the sandbox approving at once) goes back to n8n's callback; the dialog then shows n8n's
 * "connected" banner. Returns that banner's text.
 */
export async function connectOAuth2(page: Page, baseUrl: string, credentialId: string): Promise<string> {
	await page.goto(`${baseUrl}/home/credentials/${credentialId}`);
	const notConnected = page.locator(byTestId('oauth-not-connected-banner'));
	await notConnected.waitFor({ timeout: 30_000 });
	const popup = page.context().waitForEvent('page', { timeout: 30_000 });
	await notConnected.getByRole('button').first().click();
	await popup;
	const connected = page.locator(byTestId('oauth-connect-success-banner'));
	await connected.waitFor({ timeout: 30_000 });
	const message = ((await connected.textContent()) ?? '').replace(/\s+/g, ' ').trim();
	await page.keyboard.press('Escape');
	return message;
}
