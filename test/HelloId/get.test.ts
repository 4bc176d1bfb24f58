/** Group → Get Many and Group → Get on HelloID: the shared cases (the list has no filters; 1000 groups a page). */
import { describeReadOperations } from '../support/read-cases';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();

describeReadOperations(sandbox, {
	vendor: 'helloId',
	seed: (box, name) => box.vendors.helloId.addGroup(name).groupGuid,
	pageSize: 1000,
	ignorePaging: (box) => box.configure('helloId', { paging: 'repeatsFirstPage' }),
	foldsCase: true,
});
