// The page's one inline script (CSP nonce): the region picker rewrites the Launch stack link's region,
// and the status is polled every 3 s from this token's status endpoint. It reads nothing but the DOM
// and that endpoint, and writes only text (textContent), so no answer can inject markup.
export const POLL_MS = 3_000;

export const STATUS_LABELS: Record<string, string> = {
  pending: "Waiting for your stack",
  connected: "Connected",
  degraded: "Connected, but some reads are denied",
  revoked: "Access lost",
};

export const PAGE_SCRIPT = `(() => {
  const launch = document.getElementById("launch");
  const picker = document.getElementById("region");
  picker.addEventListener("change", () => {
    const url = new URL(launch.href);
    url.searchParams.set("region", picker.value);
    launch.href = url.toString();
    document.getElementById("region-shown").textContent = picker.value;
  });
  const LABELS = ${JSON.stringify(STATUS_LABELS)};
  const status = document.getElementById("status");
  const problem = document.getElementById("problem");
  const show = (body) => {
    status.dataset.status = body.status;
    status.textContent = LABELS[body.status] || body.status;
    document.getElementById("checked").textContent = body.checked_at ? "Last checked " + new Date(body.checked_at).toLocaleString() : "Not checked yet";
    const failing = body.error && body.status !== "connected";
    problem.hidden = !failing;
    if (failing) {
      document.getElementById("problem-message").textContent = body.error.message;
      document.getElementById("problem-fix").textContent = body.error.fix || "";
    }
    document.getElementById("claude").hidden = !(body.status === "connected" || body.status === "degraded");
  };
  const poll = async () => {
    try {
      const response = await fetch(location.pathname.replace(/\\/$/, "") + "/status", { cache: "no-store", credentials: "omit" });
      if (response.ok) show(await response.json());
      else if (response.status === 404 || response.status === 410) { location.reload(); return; }
    } catch {}
    setTimeout(poll, ${POLL_MS});
  };
  setTimeout(poll, ${POLL_MS});
})();`;
