// The HTML report's only stylesheet, inline: the file is forwarded and opened offline, so it makes
// no request (no font, no script, no image URL). Print rules keep each chart and table on one page
// and keep the colours when a browser saves it as PDF.
export const REPORT_CSS = `
:root{color:#1f2933;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px;line-height:1.45}
body{margin:0 auto;max-width:960px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d6dae0;padding-bottom:4px}
.meta{color:#595959;margin:0 0 16px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:16px 0}
.card{border:1px solid #d6dae0;border-radius:6px;padding:10px 12px}
.card dt{color:#595959;font-size:12px}.card dd{margin:2px 0 0;font-size:20px;font-weight:600}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e3e6ea}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0}
.note{background:#f4f6f8;border-left:3px solid #595959;padding:6px 10px}
.priority{font-weight:600}.priority-high{color:#b3261e}.priority-medium{color:#8a4b00}.priority-low{color:#1b6e20}
figure{margin:8px 0}svg.chart{display:block}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
@page{size:A4;margin:14mm}
@media print{body{padding:0;max-width:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
section,figure,table,.cards{break-inside:avoid}h2{break-after:avoid}}
`;
