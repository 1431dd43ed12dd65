// The test kit's one environment knob, read where it is needed (tests stub it per case, so it is
// not frozen at import): TAGC_TEST_NOW moves every default clock of the suite.
export function pinnedTestNow(source: Record<string, string | undefined> = process.env): string | undefined {
  return source.TAGC_TEST_NOW || undefined;
}
