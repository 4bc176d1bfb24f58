/**
 * The vendors the sandbox serves. To add one: write `vendors/<name>.ts` exporting a
 * `VendorModule<'<name>', Options, Api>` and append it to this list; names and types follow.
 */
import type { VendorModule } from '../types';
import { assembla } from './assembla';
import { invisibleCollector } from './invisibleCollector';
import { capillary } from './capillary';
import { taleoLearn } from './taleoLearn';
import { helloId } from './helloId';
import { scim } from './scim';

export const vendorModules = [invisibleCollector, helloId, taleoLearn, capillary, assembla, scim] as const;

type AnyVendorModule = (typeof vendorModules)[number];

export type VendorName = AnyVendorModule['name'];

type ModuleNamed<N extends VendorName> = Extract<AnyVendorModule, { readonly name: N }>;

/** Switches of one vendor, as taken by `configure` and `SandboxOptions.vendors`. */
export type VendorOptions<N extends VendorName> =
	ModuleNamed<N> extends VendorModule<N, infer Options, unknown> ? Options : never;

/** State accessor of one vendor (`sandbox.vendors.<name>`). */
export type VendorApi<N extends VendorName> =
	ModuleNamed<N> extends VendorModule<N, unknown, infer Api> ? Api : never;

export type VendorApis = { readonly [N in VendorName]: VendorApi<N> };
