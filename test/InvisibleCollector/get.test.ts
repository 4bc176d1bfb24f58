/** Group → Get Many and Group → Get on Invisible Collector: the shared cases (one unpaged list, names compared exactly). */
import { describeReadOperations } from '../support/read-cases';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();

describeReadOperations(sandbox, {
	vendor: 'invisibleCollector',
	seed: (box, name) => box.vendors.invisibleCollector.addGroup(name).id,
	pageSize: null,
	foldsCase: false,
});
