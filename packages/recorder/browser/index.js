// What a browser bundle gets instead of @show/recorder (the `browser` condition of its exports).
// The first import throws in our words; the second turns the mistake into a build error in
// Next.js (webpack and Turbopack both refuse `server-only` in a Client Component, with the chain
// of imports that led here). Written by hand, not built, so the order of the two stays as written.
import './refuse.js';
import 'server-only';
