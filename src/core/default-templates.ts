/**
 * The emails the career guides script, in Touchpoint's words. Setup writes them into the Templates sheet,
 * where users edit them and add their own. Placeholders inside sentences are only fields that are noun phrases
 * by design ({{Event}}, {{Topic}}, {{Institution}}, {{Letter for}}); the user's notes are never spliced in.
 * {{Salutation}} greets by role (Settings), {{My news}} is typed in the editor, {{My ...}} comes from Settings.
 */
export interface EmailTemplate {
  name: string;
  whenToUse: string;
  subject: string;
  body: string;
}

/** The default templates' names, which Touchpoint suggests by: declared once. */
export const TEMPLATE = {
  rotationThanks: 'Thank-you after a rotation',
  conferenceFollowUp: 'Post-conference follow-up',
  meetingRequest: 'Mentor meeting request',
  preConference: 'Pre-conference outreach',
  letterRequest: 'Letter request',
  progressUpdate: 'Progress update',
  letterThanks: 'Thank-you to a letter writer',
  catchUp: 'Catch-up',
  letterReminder: 'Letter reminder',
} as const;

export const DEFAULT_TEMPLATES: readonly EmailTemplate[] = [
  {
    name: TEMPLATE.rotationThanks,
    whenToUse: 'Within a week of finishing a rotation with an attending who taught you.',
    subject: 'Thank you for the rotation',
    body: [
      'Dear {{Salutation}},',
      '',
      'Thank you for teaching me during my rotation with you. I learned a great deal from watching how you work with patients and with the team, and I am already putting it into practice.',
      '',
      'As I keep working toward {{My specialty}}, I would be glad to stay in touch and to let you know how my training goes.',
      '',
      'With thanks,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: TEMPLATE.conferenceFollowUp,
    whenToUse: '3 to 5 days after meeting someone at a conference or talk, never later than a week. Fill in Event and Topic first.',
    subject: 'Following up from {{Event}}',
    body: [
      'Dear {{Salutation}},',
      '',
      'It was a pleasure to meet you at {{Event}}. I have been thinking about our conversation on {{Topic}} since then.',
      '',
      'I am {{My position}} at {{My institution}}, with a strong interest in {{My specialty}}. Would you have 15 minutes for a call in the next few weeks? I would value your advice on how to get more involved in this area.',
      '',
      'Best regards,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: TEMPLATE.meetingRequest,
    whenToUse: 'To ask a mentor, or someone you hope will mentor you, for a 20 to 30 minute meeting.',
    subject: 'Request to meet for 20 to 30 minutes',
    body: [
      'Dear {{Salutation}},',
      '',
      'As {{My position}} planning my next steps toward {{My specialty}}, I would be grateful for your advice.',
      '',
      'Could we meet for 20 to 30 minutes in the coming weeks, in person or by video? I am happy to work around your schedule.',
      '',
      'Thank you for considering it,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: TEMPLATE.preConference,
    whenToUse: '2 to 3 weeks before a conference you will both attend. Fill in Event (that conference) and Topic (their work you follow) first.',
    subject: 'Meeting at {{Event}}?',
    body: [
      'Dear {{Salutation}},',
      '',
      'I am {{My position}} at {{My institution}}, interested in {{My specialty}}, and I will be at {{Event}}. I have been following your work on {{Topic}}.',
      '',
      'If you have 10 to 15 minutes during the meeting, I would be grateful for the chance to introduce myself and hear your perspective. I am flexible on time and place.',
      '',
      'Best regards,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: TEMPLATE.letterRequest,
    whenToUse: '6 to 8 weeks before a letter of recommendation is due, to someone who knows your work well. Fill in Letter for and Letter due first.',
    subject: 'Letter of recommendation for {{Letter for}}',
    body: [
      'Dear {{Salutation}},',
      '',
      'I am applying for {{Letter for}}, and letters are due on {{Letter due}}. Because you know my work well, I would be honored if you would write a strong letter of recommendation for me.',
      '',
      'If you are able to, I will send my CV, a draft of my personal statement and the submission instructions, and I would be glad to meet to talk it through.',
      '',
      'I know how busy you are. If the timing does not work, or you do not feel you could write a strong letter, I completely understand.',
      '',
      'With gratitude,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: TEMPLATE.progressUpdate,
    whenToUse: 'Every 1 to 3 months to a mentor or sponsor, or to keep in touch with someone you have met. Type your news in the editor: one or two concrete sentences.',
    subject: 'An update from {{My name}}',
    body: [
      'Dear {{Salutation}},',
      '',
      'I hope you are well. Here is a quick update from me.',
      '',
      '{{My news}}',
      '',
      'I would be glad to hear how things are going for you, and to stay in touch.',
      '',
      'Warm regards,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: TEMPLATE.letterThanks,
    whenToUse: 'After the Match or an offer: tell everyone who wrote for you how it turned out. Type your news in the editor.',
    subject: 'Thank you for your letter, and my news',
    body: [
      'Dear {{Salutation}},',
      '',
      'Thank you again for the letter of recommendation you wrote when I applied for {{Letter for}}. I wanted you to hear my news from me:',
      '',
      '{{My news}}',
      '',
      'Your support meant a great deal to me, and I am grateful. I hope we can stay in touch.',
      '',
      'With thanks,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: TEMPLATE.catchUp,
    whenToUse: 'To a peer, co-resident or acquaintance you have not talked to in a while: a short, friendly check-in.',
    subject: 'Coffee soon?',
    body: [
      'Hi {{Salutation}},',
      '',
      'It has been a while since we last caught up, and I would love to hear how things are going for you.',
      '',
      'Would you be up for a coffee or a quick call in the next couple of weeks? Let me know what works for you.',
      '',
      'Best,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: TEMPLATE.letterReminder,
    whenToUse: 'About 2 weeks before a letter is due, to a writer who agreed (or has not answered yet): a gentle reminder.',
    subject: 'Gentle reminder: letter for {{Letter for}}',
    body: [
      'Dear {{Salutation}},',
      '',
      'I hope you are well. This is a gentle reminder that letters for {{Letter for}} are due on {{Letter due}}. If it would help, I am glad to send my CV, personal statement or the submission link again.',
      '',
      'Thank you again for your support of my application.',
      '',
      'With gratitude,',
      '{{My name}}',
    ].join('\n'),
  },
];
