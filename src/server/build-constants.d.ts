/**
 * Constants the build defines (tools/build.mjs, esbuild `define`): the version Check installation reports, and the
 * optional features this build was made with. Where no build defined them (tests running the source) they are
 * undefined, or globals a test sets. Tested where they are used, so a build without a feature folds its code away.
 */
declare const __TOUCHPOINT_VERSION__: string | undefined;
declare const __WITH_SYNC__: boolean | undefined;
declare const __WITH_DIGEST__: boolean | undefined;
