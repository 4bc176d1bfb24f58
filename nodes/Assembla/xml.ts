/**
 * Rails-style typed XML, as Assembla speaks it (ActiveSupport's `to_xml` and `Hash.from_xml`):
 * `type="array"` elements hold a list, `type="integer"` a number, `nil="true"` a null, and dashed
 * element names (`portfolio-id`) read as underscored keys. Built and parsed with fast-xml-parser,
 * which escapes `<`, `&`, quotes and `]]>` on the way out and decodes entities on the way in.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { IDataObject } from 'n8n-workflow';

const ATTRIBUTE = '@_';
const TEXT = '#text';

/** What `toXml` can write: text, numbers, lists of text and nested elements. */
export type XmlValue = string | number | boolean | XmlList | XmlElement;
export interface XmlElement {
	[name: string]: XmlValue | undefined;
}
/** A `type="array"` element whose entries are written as `<item>` children (the child name Rails uses for `items`). */
export interface XmlList {
	list: Array<string | number>;
	itemName: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: ATTRIBUTE, suppressEmptyNode: false });

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: ATTRIBUTE,
	textNodeName: TEXT,
	// Values stay text unless the element says its type, as in Rails: an id "007" is not the number 7.
	parseTagValue: false,
	parseAttributeValue: false,
	// Numeric character references (`&#233;`) as well as the five XML entities.
	htmlEntities: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
});

function isList(value: XmlValue): value is XmlList {
	return typeof value === 'object' && Array.isArray((value as XmlList).list);
}

function toBuilderShape(value: XmlValue): unknown {
	if (typeof value === 'number') {
		return { [TEXT]: String(value), [`${ATTRIBUTE}type`]: Number.isInteger(value) ? 'integer' : 'float' };
	}
	if (typeof value === 'boolean') return { [TEXT]: String(value), [`${ATTRIBUTE}type`]: 'boolean' };
	if (typeof value === 'string') return value;
	if (isList(value)) {
		return { [`${ATTRIBUTE}type`]: 'array', [value.itemName]: value.list.map((entry) => toBuilderShape(entry)) };
	}
	const element: Record<string, unknown> = {};
	for (const [name, child] of Object.entries(value)) {
		if (child !== undefined) element[name] = toBuilderShape(child);
	}
	return element;
}

/** A complete document: the XML declaration and one root element. */
export function toXml(rootName: string, root: XmlElement): string {
	return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [rootName]: toBuilderShape(root) }) as string}`;
}

type ParsedNode = string | Record<string, unknown>;

function childNames(node: Record<string, unknown>): string[] {
	return Object.keys(node).filter((key) => !key.startsWith(ATTRIBUTE) && key !== TEXT);
}

function scalar(text: string, type: unknown): unknown {
	switch (type) {
		case 'integer':
			return /^\s*-?\d+\s*$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
		case 'float':
		case 'decimal':
			return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
		case 'boolean':
			return text.trim() === 'true' || text.trim() === '1';
		default:
			return text;
	}
}

function typed(node: ParsedNode): unknown {
	if (typeof node !== 'object' || node === null) return node === undefined || node === null ? '' : String(node);
	const type = node[`${ATTRIBUTE}type`];
	if (node[`${ATTRIBUTE}nil`] === 'true') return null;
	const children = childNames(node);
	if (type === 'array') {
		return children.flatMap((name) => {
			const value = node[name];
			return (Array.isArray(value) ? value : [value]).map((entry) => typed(entry as ParsedNode));
		});
	}
	if (children.length === 0) return scalar(typeof node[TEXT] === 'string' ? node[TEXT] : String(node[TEXT] ?? ''), type);
	const object: IDataObject = {};
	for (const name of children) {
		const value = node[name];
		// Rails turns dashes in element names into underscores (`portfolio-id` → `portfolio_id`).
		object[name.replace(/-/g, '_')] = (
			Array.isArray(value) ? value.map((entry) => typed(entry as ParsedNode)) : typed(value as ParsedNode)
		) as IDataObject[keyof IDataObject];
	}
	return object;
}

/**
 * Reads an XML document into `{ <root>: <typed content> }` (`{ group: { id: 24, items: [...] } }`),
 * or undefined when the text is not XML.
 */
export function fromXml(text: string): IDataObject | undefined {
	let parsed: unknown;
	try {
		parsed = parser.parse(text, true);
	} catch {
		return undefined;
	}
	if (typeof parsed !== 'object' || parsed === null) return undefined;
	const roots = childNames(parsed as Record<string, unknown>);
	if (roots.length !== 1) return undefined;
	const [root] = roots;
	return { [root.replace(/-/g, '_')]: typed((parsed as Record<string, ParsedNode>)[root]) as IDataObject[keyof IDataObject] };
}

/** A body that looks like an XML document (not an HTML page, which `looksLikeHtml` catches first). */
export function looksLikeXml(body: unknown): body is string {
	return typeof body === 'string' && /^\s*<(\?xml|[A-Za-z_][\w.-]*[\s/>])/.test(body);
}
