import { CadenceTable } from '../core/cadence';
import { Contact } from '../core/contacts';
import { isStrongLetter } from '../core/letters';
import type { GoalFigure } from '../shared/rpc';

/** The guides' mentor team, as targets for the Goals strip. */
const MENTOR_TEAM: readonly { label: string; relationship: string; target: number }[] = [
  { label: 'Career', relationship: 'Career mentor', target: 2 },
  { label: 'Research', relationship: 'Research mentor', target: 1 },
  { label: 'Clinical', relationship: 'Clinical mentor', target: 1 },
  { label: 'Sponsor', relationship: 'Sponsor', target: 1 },
  { label: 'Peer', relationship: 'Peer', target: 2 },
];

/** The guides' 2–3 strong letters. */
const LETTER_TARGET = 3;

function mentorTeam(contacts: readonly Contact[], cadences: CadenceTable): GoalFigure[] {
  const canonical = (relationship: string) => {
    try {
      return cadences.lookUp(relationship)?.relationship ?? relationship;
    } catch {
      return relationship;
    }
  };
  return MENTOR_TEAM.map((goal) => ({
    label: goal.label,
    target: goal.target,
    names: contacts.filter((c) => c.relationship && canonical(c.relationship) === goal.relationship).map((c) => c.name),
  }));
}

/** Agreed and submitted letters against the guides' 2–3. */
export function lettersGoal(contacts: readonly Contact[]): GoalFigure {
  return { label: 'Letters', target: LETTER_TARGET, names: contacts.filter(isStrongLetter).map((c) => c.name) };
}

/** The Goals strip: the mentor team, then letters. */
export function goalsOf(contacts: readonly Contact[], cadences: CadenceTable): GoalFigure[] {
  return [...mentorTeam(contacts, cadences), lettersGoal(contacts)];
}
