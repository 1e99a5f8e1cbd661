import { fullNameGreetingNote, parseGreetingTable, salutationOf } from '../../src/core/greetings';

const person = (role: string, relationship = '', firstName = 'Maya', lastName = 'Okafor') => ({ role, relationship, firstName, lastName });

test('greeting by role: doctors by title and last name, peers by first name, an edited table wins', () => {
  const table = parseGreetingTable([['Program coordinator', 'Ms. Last name'], ['Fellow', 'First name']]);
  expect(salutationOf(person('Attending'), table)).toBe('Dr. Okafor');
  expect(salutationOf(person('co-resident'), table)).toBe('Maya');
  expect(salutationOf(person('Program coordinator'), table)).toBe('Ms. Okafor');
  expect(salutationOf(person('Fellow'), table)).toBe('Maya');
  expect(salutationOf(person('', 'Career mentor'), table)).toBe('Dr. Okafor');
  expect(salutationOf(person('', 'Peer'), table)).toBe('Maya');
  expect(salutationOf(person('Attending', '', 'Maya', ''), table)).toBe(''); // a hole the editor marks, never "Dr. "
  expect(parseGreetingTable([['Fellow', 'Doctor']]).problems[0]).toContain('Greeting for Fellow: "Doctor" is not');
});

test('a full-name greeting comes with a note saying why and what reads better; other greetings with none', () => {
  const table = parseGreetingTable([]);
  expect(salutationOf(person('Other'), table)).toBe('Maya Okafor');
  expect(fullNameGreetingNote(person('Other'), table)).toBe(
    '"Dear Maya Okafor" reads like a mail merge: Role "Other" is greeted by full name (Settings ▸ Greeting). If they are a doctor, "Dear Dr. Okafor" is safer; a peer, "Dear Maya". Set Role on the sheet, or edit the greeting in the editor.',
  );
  expect(fullNameGreetingNote(person('', 'Acquaintance'), table)).toContain(': Role is empty.');
  expect(fullNameGreetingNote(person('Attending'), table)).toBeNull();
  expect(fullNameGreetingNote(person('Alumni'), table)).toBeNull();
});

test('a peer is greeted by first name whatever their title', () => {
  expect(salutationOf(person('Fellow', 'Peer', 'Jonas', 'Weber'), parseGreetingTable([]))).toBe('Jonas');
  expect(salutationOf(person('Fellow', 'Research mentor', 'Jonas', 'Weber'), parseGreetingTable([]))).toBe('Dr. Weber');
});
