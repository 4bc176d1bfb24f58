// The build around tsc: `gulp clean` empties dist/ first (so a file deleted from the sources does not
// ship), then after tsc `gulp build` copies what tsc does not emit (icons, codex files) and bundles
// the XML library into the one compiled file that uses it.
const { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { src, dest, parallel } = require('gulp');
const esbuild = require('esbuild');

/**
 * Compiled files rebuilt by esbuild with their npm imports inlined, so the published package has no
 * runtime dependencies (n8n Cloud and verified community nodes install none). n8n-workflow stays
 * external: n8n provides it. `.ci/package-check` fails if any other dist file requires a package.
 */
const BUNDLED = ['nodes/Assembla/xml.ts'];
const PROVIDED_BY_N8N = ['n8n-workflow'];

function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

function copyNodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json'], { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCredentialAssets() {
	return src(['credentials/**/*.svg', 'credentials/**/*.png'], { encoding: false }).pipe(dest('dist/credentials'));
}

/** Overwrites tsc's `dist/<file>.js` (and its map) with a bundle; tsc's `.d.ts` stays as it is. */
async function bundleLibraries() {
	const builds = await Promise.all(
		BUNDLED.map((file) =>
			esbuild.build({
				entryPoints: [file],
				outfile: `dist/${file.replace(/\.ts$/, '.js')}`,
				bundle: true,
				platform: 'node',
				format: 'cjs',
				target: 'node20',
				external: PROVIDED_BY_N8N,
				sourcemap: true,
				legalComments: 'inline',
				logLevel: 'warning',
				metafile: true,
			}),
		),
	);
	writeThirdPartyNotices(builds.flatMap((build) => Object.keys(build.metafile.inputs)));
}

/** The name, version, license and license text of every npm package inside the bundles (MIT asks for the notice). */
function writeThirdPartyNotices(inputs) {
	const packageDirs = new Set();
	for (const input of inputs) {
		const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
		if (match) packageDirs.add(match[1]);
	}
	const notices = [...packageDirs].sort().map((dir) => {
		const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
		const licenseFile = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
		const text = licenseFile && existsSync(join(dir, licenseFile)) ? readFileSync(join(dir, licenseFile), 'utf8').trim() : '';
		const author = typeof manifest.author === 'object' ? manifest.author?.name : manifest.author;
		const body = text || `${manifest.license} license${author ? `, by ${author}` : ''} (the package ships no license file)`;
		return `${manifest.name} ${manifest.version} (${manifest.license})\n\n${body}`;
	});
	writeFileSync(
		'dist/THIRD-PARTY-NOTICES.txt',
		`Packages bundled into this package's dist/ by its build (see gulpfile.js):\n\n${notices.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
	);
}

exports.clean = clean;
exports.build = parallel(copyNodeAssets, copyCredentialAssets, bundleLibraries);
exports.default = exports.build;
