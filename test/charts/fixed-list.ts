import type { ChartInput } from "../../src/charts/chart-input.js";

/** A fixed list's counts: years stacked by category, venues as rows, with labels that look like markup. */
export const FIXED_CHART: ChartInput = {
  title: "Fixed list: 17 papers",
  panels: [
    {
      title: "Papers per year, by first category",
      axis: "Year",
      measure: "Papers",
      layout: "columns",
      groupTitle: "Category",
      groups: ["★ Storage", "● Scheduling", "no category"],
      bars: [
        { label: "2022", value: 2, group: "★ Storage" },
        { label: "2022", value: 1, group: "no category" },
        { label: "2023", value: 4, group: "★ Storage" },
        { label: "2023", value: 3, group: "● Scheduling" },
        { label: "2023", value: 2, group: "no category" },
        { label: "2024", value: 5, group: "● Scheduling" },
      ],
    },
    {
      title: "Papers per venue",
      axis: "Venue",
      measure: "Papers",
      layout: "rows",
      bars: [
        { label: "arXiv", value: 7 },
        { label: "OSDI", value: 5 },
        { label: "<script>alert(1)</script> & Co", value: 3 },
        { label: "ATC", value: 2 },
      ],
    },
  ],
};
