export * from "./model.js";
export { parseList, ListParseError } from "./parse-list.js";
export { diffLists, compareFields, type ListDiff, type PaperChange, type FieldChange, type PaperField } from "./diff.js";
export { findTag } from "./legend.js";
export { foldKey, cleanText, stripControlChars, truncate, collapseSpaces } from "./text.js";
export { venueKey } from "./venue.js";
export { readListFile, hashText, type LoadedList } from "./read-list-file.js";
export { mergeLists, samePaper, type ListPart, type PaperOrigin, type MergedLists } from "./merge-lists.js";
