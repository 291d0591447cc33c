// What changed between two versions of a plan, as data: the output of compare/, read by the layout of
// the endringsoversikt and written as `plantrykk endringar --format json` (its `version` field is 1).

/** A run of words in a word diff: kept, inserted («sett inn») or deleted («sletta»). */
export interface WordPart {
  readonly op: 'same' | 'ins' | 'del';
  readonly text: string;
}

/** What a block is, for showing it: its kind, its id where it has one, and its text (or caption). */
export interface BlockRef {
  readonly type: string;
  readonly id?: string;
  /** The number of the section it lies in (e.g. "5.2"). */
  readonly section: string;
  readonly text: string;
}

export interface CellChange {
  readonly row: string;
  readonly column: string;
  readonly old: string;
  readonly new: string;
}

export interface TiltakChange {
  readonly op: 'added' | 'removed' | 'changed';
  readonly tekst: string;
  /** For `changed`: the fields that changed, old and new. */
  readonly fields?: readonly {
    /** What changed: the text, the ansvar, another text column (named by `column`), a year's mark, a year's amount. */
    readonly field: 'tekst' | 'ansvar' | 'column' | 'ar' | 'belop';
    /** For `column`: the column's header. */
    readonly column?: string;
    readonly year?: string;
    readonly old: string;
    readonly new: string;
  }[];
  readonly words?: readonly WordPart[];
}

/** One goal (delmål) of a målskjema and what changed in it. */
export interface GoalChange {
  readonly op: 'added' | 'removed' | 'changed';
  readonly id: string;
  readonly tekst: string;
  readonly words?: readonly WordPart[];
  /** Status ids, and their labels in the plan's vocabulary (as printed). */
  readonly status?: { readonly old: string; readonly new: string; readonly oldLabel: string; readonly newLabel: string };
  readonly tiltak: readonly TiltakChange[];
}

export type Change =
  | { readonly kind: 'added'; readonly block: BlockRef }
  | { readonly kind: 'removed'; readonly block: BlockRef }
  | { readonly kind: 'moved'; readonly block: BlockRef; readonly from: string; readonly words?: readonly WordPart[] }
  | {
      readonly kind: 'changed';
      readonly block: BlockRef;
      readonly words?: readonly WordPart[];
      readonly cells?: readonly CellChange[];
      readonly rows?: readonly { readonly op: 'added' | 'removed'; readonly row: string }[];
      readonly goals?: readonly GoalChange[];
    };

export type ChangeKind = Change['kind'];
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'removed', 'changed', 'moved'];

export interface ChapterChanges {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  /** `added`/`removed` when the whole chapter is new or gone. */
  readonly status: 'kept' | 'added' | 'removed';
  readonly changes: readonly Change[];
  readonly counts: Readonly<Record<ChangeKind, number>>;
}

export interface Endringar {
  readonly version: 1;
  readonly plan: { readonly id: string; readonly title: string; readonly language: 'nn' | 'nb' };
  readonly old: { readonly version: string };
  readonly new: { readonly version: string };
  readonly chapters: readonly ChapterChanges[];
  readonly total: Readonly<Record<ChangeKind, number>>;
}
