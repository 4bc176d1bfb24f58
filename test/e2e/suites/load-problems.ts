/**
 * Lines in n8n's logs that mean the package did not load. 2.x logs `Failed to load package "<name>"`
 * at boot; 1.x logs only the thrown message, at error level, from its node loader; both later fail
 * with `Unrecognized node type` when a workflow uses the node. A class named unlike its file fails
 * with `... is not a constructor`. (Checked by hand against a node file that throws while loading.)
 */
import type { N8nInstance } from '../n8n/n8n-instance';

const PROBLEMS = [
	/Failed to load package/i,
	/Unrecognized node type/i,
	/is not a constructor/i,
	/"level":"error".*"file":"load-nodes-and-credentials\.js"/,
];

export function loadProblems(instance: N8nInstance): string[] {
	const lines = instance.logSources.flatMap((source) => source().split('\n'));
	return lines.filter((line) => PROBLEMS.some((problem) => problem.test(line)));
}
