export { getLatestCostGap } from "./cost-gap";
export { getScoreTrend, type ScoreTrendInput } from "./score-trend";
export { getUsageSeries, type UsageDay } from "./usage-series";
