// An SDK client's resolved config ends up in V8's dictionary mode: the SDK builds it as one object
// literal and then Object.assign's a dozen more members onto it, one resolver after another, and
// past a few added members V8 turns such an object into a hash table. Every request then copies that
// object with a spread three times (`{ ...config }` in the endpoint middleware, `{ ...config,
// ...context }` in the schema serializer and deserializer), and spreading a dictionary takes V8's
// slow path (collect the keys, sort them by insertion order, define each one): about a quarter of the
// instructions of a small AWS call (callgrind: ~0.5 M of ~2 M per ecs:ListServices), before any
// parsing. The same object (the middlewares hold it) is given fast properties in place: V8 migrates a
// dictionary-mode object to fast properties when a property load goes through it as a prototype. It
// changes only how V8 stores the object, never what it holds; if a V8 release stopped doing it, the
// config would stay as it was and test/fast-properties.test.ts fails (it reads V8's own verdict).

/** A load through a prototype; its inline cache must be live (V8 allocates feedback lazily). */
function loadThrough(child: { region?: unknown }): unknown {
  return child.region;
}

/** Gives `object` fast properties in place (a no-op when it has them). */
export function fastProperties(object: object): void {
  const child = Object.create(object) as { region?: unknown };
  // V8 allocates a function's feedback (its inline caches) after a few calls: until then a load
  // updates no cache and converts nothing.
  for (let i = 0; i < 32; i++) loadThrough(child);
}
