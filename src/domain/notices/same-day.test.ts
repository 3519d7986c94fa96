import { describe, expect, it } from 'vitest';
import { sameDayNoticeText } from './same-day.js';

const contact = { unitName: 'Björkskolan', phone: '010-123 45 67', email: 'bjork@larkby.example', mentor: 'Maria Sjöberg' };

describe('the same-day notice of invalid absence', () => {
  const text = sameDayNoticeText('Olle', '2026-11-18', [
    { subject: 'Engelska', startTime: '10:15:00', endTime: '11:00:00' },
    { subject: 'Matematik', startTime: '08:10:00', endTime: '09:00:00' },
  ], contact);
  it('is titled "Frånvaro utan anmälan idag"', () => expect(text.title).toBe('Frånvaro utan anmälan idag'));
  it('names the child by first name, the day, and says it is registered as ogiltig frånvaro', () => {
    expect(text.body).toContain('Olle är registrerad med ogiltig frånvaro');
    expect(text.body).toContain('2026-11-18');
  });
  it('lists the lessons with subject and time, in time order', () => {
    expect(text.body.indexOf('Matematik 08:10–09:00')).toBeLessThan(text.body.indexOf('Engelska 10:15–11:00'));
  });
  it('says whom to contact', () => expect(text.body).toContain('Kontakta mentor Maria Sjöberg eller Björkskolan (010-123 45 67, bjork@larkby.example).'));
  it('without a mentor, the school is the contact', () => {
    expect(sameDayNoticeText('Olle', '2026-11-18', [], { ...contact, mentor: null, phone: null, email: null }).body).toContain('Kontakta Björkskolan.');
  });
});
