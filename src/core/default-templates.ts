/**
 * The six emails the career guides script, in Touchpoint's words. Setup writes them into the Templates
 * sheet, where users edit them and add their own. {{Column header}} fills from the contact's row,
 * {{My ...}} from Settings, {{Name|fallback}} uses the fallback when the cell is blank.
 */
export interface EmailTemplate {
  name: string;
  whenToUse: string;
  subject: string;
  body: string;
}

export const DEFAULT_TEMPLATES: readonly EmailTemplate[] = [
  {
    name: 'Thank-you after a rotation',
    whenToUse: 'Within 7 days of finishing a rotation or clinic block with an attending who taught you.',
    subject: 'Thank you for the {{Specialty|}} rotation at {{Institution}}',
    body: [
      'Dear Dr. {{Last name}},',
      '',
      'Thank you for teaching me during my time on your service at {{Institution}}. ' +
        'What I took away most was {{Last contact notes|how you walked the team through each decision}}, ' +
        'and it has already changed how I care for my patients.',
      '',
      'I am {{My position}} at {{My institution}}, working toward {{My specialty}}. ' +
        'I would be glad to stay in touch and to let you know how the year goes.',
      '',
      'With thanks,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: 'Post-conference follow-up',
    whenToUse: '3 to 5 days after meeting someone at a conference, poster session or talk; never later than a week.',
    subject: 'Good to meet you at the conference: {{Interests|following up}}',
    body: [
      'Dear {{First name}},',
      '',
      'It was a pleasure to meet you on {{Met on}}. I keep coming back to what you said about {{Interests|your work}}.',
      '',
      'I am {{My position}} at {{My institution}} with a strong interest in {{My specialty}}. ' +
        'Would you have 15 minutes for a call in the next few weeks? I would value your advice on how to get involved.',
      '',
      'Best regards,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: 'Mentor meeting request',
    whenToUse: 'To ask a mentor, or someone you hope will mentor you, for a short meeting.',
    subject: 'Request for a 20-minute meeting',
    body: [
      'Dear Dr. {{Last name}},',
      '',
      'Your work on {{Interests|your field}} is a large part of why I am drawn to {{My specialty}}. ' +
        'I am {{My position}} at {{My institution}}, and I am planning my next steps.',
      '',
      'Could we meet for 20 to 30 minutes in the coming weeks? I would like your advice on {{Next step|my plans for the year}}. ' +
        'I am happy to work around your schedule, in person or by video.',
      '',
      'Thank you for considering it,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: 'Pre-conference outreach',
    whenToUse: '2 to 3 weeks before a conference both of you will attend.',
    subject: 'Meeting at the conference?',
    body: [
      'Dear {{First name}},',
      '',
      'I have followed your work on {{Interests|your research}} and I am looking forward to the conference. ' +
        'I am {{My position}} at {{My institution}}, interested in {{My specialty}}.',
      '',
      'If you have 10 to 15 minutes during the meeting, I would be grateful for the chance to introduce myself ' +
        'and hear your thoughts. I am flexible on time and place.',
      '',
      'Best regards,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: 'Letter request',
    whenToUse: '6 to 8 weeks before a letter of recommendation is due, to someone who saw your work over weeks.',
    subject: 'Letter of recommendation for {{Letter for}}',
    body: [
      'Dear Dr. {{Last name}},',
      '',
      'I am applying for {{Letter for}}, and the letter is due on {{Letter due}}. ' +
        'Because you saw my work closely ({{Last contact notes|during our time working together}}), ' +
        'I would be honoured if you would write a strong letter of recommendation for me.',
      '',
      'I will send my CV, a draft of my personal statement and the submission instructions, ' +
        'and I am happy to meet to talk it through.',
      '',
      'I know how busy you are: if this is not a good time, I completely understand.',
      '',
      'With gratitude,',
      '{{My name}}',
    ].join('\n'),
  },
  {
    name: 'Progress update',
    whenToUse: 'Every 1 to 3 months to a mentor or sponsor: concrete news and thanks.',
    subject: 'An update from {{My name}}',
    body: [
      'Dear {{First name}},',
      '',
      'A quick update since we last spoke about {{Last contact notes|my plans}}: {{Next step|I have news to share}}.',
      '',
      'Your advice made a real difference, and I wanted you to hear it from me. ' +
        'Thank you again for your support.',
      '',
      'Warm regards,',
      '{{My name}}',
    ].join('\n'),
  },
];
