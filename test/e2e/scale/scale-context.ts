/** What the scale scenarios of one n8n major share. */
import type { N8nFlavor } from '../n8n/flavors';
import type { ScaleEnvironment } from './scale-setup';

export interface ScaleContext {
	readonly flavor: N8nFlavor;
	readonly log: (line: string) => void;
	/** Available once the flavor's beforeAll has run. */
	env(): ScaleEnvironment;
}
