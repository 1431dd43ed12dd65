// Output of suggest_tags (TOOLS.md tool 5).

export type SuggestionStrategy = "inherited" | "name_pattern" | "similar_resources" | "inference";

export interface TagSuggestion {
  tag: string;
  value: string;
  /** 0–1, two decimals. */
  confidence: number;
  reasoning: string;
  strategy: SuggestionStrategy;
}

export interface TagSuggestions {
  resource_arn: string;
  current_tags: Record<string, string>;
  /** One per missing applicable required tag that some strategy could fill, in policy order. */
  suggestions: TagSuggestion[];
}
