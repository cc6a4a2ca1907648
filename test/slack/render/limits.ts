import { expect } from "vitest";
import type { SlackMessage } from "../../../adapters/slack/render/blocks.js";

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const len = (s: unknown) => Array.from(String(s)).length;

/** Asserts a message keeps every Block Kit limit the renderer promises, and that action ids are unique. */
export function expectWithinLimits(message: SlackMessage): void {
  expect(message.text.trim()).not.toBe("");
  expect(len(message.text)).toBeLessThanOrEqual(3000);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  const actionIds: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    if (value.type === "mrkdwn") expect(value.verbatim).toBe(true);
    if (value.type === "header" && isNode(value.text)) expect(len(value.text.text)).toBeLessThanOrEqual(150);
    if (value.type === "section") {
      if (isNode(value.text)) expect(len(value.text.text)).toBeLessThanOrEqual(3000);
      if (Array.isArray(value.fields)) {
        expect(value.fields.length).toBeLessThanOrEqual(10);
        for (const f of value.fields) if (isNode(f)) expect(len(f.text)).toBeLessThanOrEqual(2000);
      }
    }
    if (value.type === "actions" && Array.isArray(value.elements)) expect(value.elements.length).toBeLessThanOrEqual(25);
    if (value.type === "context" && Array.isArray(value.elements)) expect(value.elements.length).toBeLessThanOrEqual(10);
    if (value.type === "button") {
      if (isNode(value.text)) expect(len(value.text.text)).toBeLessThanOrEqual(75);
      if (value.value !== undefined) expect(len(value.value)).toBeLessThanOrEqual(2000);
      if (value.url !== undefined) expect(len(value.url)).toBeLessThanOrEqual(3000);
      actionIds.push(String(value.action_id));
    }
    Object.values(value).forEach(visit);
  };
  visit(message.blocks);
  expect(new Set(actionIds).size).toBe(actionIds.length);
}
