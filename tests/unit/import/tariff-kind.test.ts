/**
 * The tariff-kind proposal on the names French and English box offices give their tariffs: each
 * name → the kind a box-office manager would file it under, with the words that decided it.
 */
import { describe, expect, it } from 'vitest';
import { proposeTariffKind, tariffKind } from '../../../electron/engine/import/propose/tariff-kind.js';

const PAID = 1500;

describe('tariff kinds from French names', () => {
  it.each([
    ['Moins de 26 ans', 'reduced'],
    ['-26 ans', 'reduced'],
    ['Tarif -26', 'reduced'],
    ['+65 ans', 'reduced'],
    ['12-25 ans', 'reduced'],
    ['Étudiant', 'reduced'],
    ['ETUDIANTS', 'reduced'],
    ["Demandeur d'emploi", 'reduced'],
    ['Demandeurs d’emploi', 'reduced'],
    ['Professionnel', 'reduced'],
    ['Tarif pro', 'reduced'],
    ['Jeune public', 'reduced'],
    ['Groupe (10 pers. et +)', 'reduced'],
    ['Scolaire', 'reduced'],
    ['RSA', 'reduced'],
    ['Bénéficiaire du RSA', 'reduced'],
    ['Senior', 'reduced'],
    ['Famille', 'reduced'],
    ['Tarif famille nombreuse', 'reduced'],
    ['Tarif solidaire', 'reduced'],
    ['Tarif réduit', 'reduced'],
    ['Intermittent', 'reduced'],
    ['Carte Fidélité', 'subscription'],
    ['Carte 10 places', 'subscription'],
    ['Pass Saison', 'subscription'],
    ['PASS Famille', 'subscription'],
    ['Abonné', 'subscription'],
    ['Abonnement 4 spectacles', 'subscription'],
    ['Forfait découverte', 'subscription'],
    ['Exonéré', 'free'],
    ['Exo', 'free'],
    ['Invitation', 'free'],
    ['Invitation abonné', 'free'],
    ['Gratuit', 'free'],
    ['Place offerte', 'free'],
    ['Plein tarif', 'full'],
    ['Tarif normal', 'full'],
    ['Adulte', 'full'],
    ['Tarif A', 'full'],
    ['Catégorie 1 - 25 €', 'full'],
    ['Passage', 'full'],
    ['', 'full'],
  ])('« %s » → %s', (name, kind) => {
    expect(tariffKind(PAID, name, '', '')).toBe(kind);
  });
});

describe('tariff kinds from English names', () => {
  it.each([
    ['Full price', 'full'],
    ['Adult', 'full'],
    ['Standard', 'full'],
    ['Concession', 'reduced'],
    ['Student', 'reduced'],
    ['Under 26', 'reduced'],
    ['Over 65', 'reduced'],
    ['Senior (65+)', 'reduced'],
    ['Child', 'reduced'],
    ['Unemployed', 'reduced'],
    ['Group booking', 'reduced'],
    ['School', 'reduced'],
    ['Season ticket', 'subscription'],
    ['Subscriber', 'subscription'],
    ['Membership', 'subscription'],
    ['Complimentary', 'free'],
    ['Comp', 'free'],
    ['Free', 'free'],
    ['Guest list', 'free'],
  ])('« %s » → %s', (name, kind) => {
    expect(tariffKind(PAID, name, '', '')).toBe(kind);
  });
});

describe('price, category and subscription column', () => {
  it('makes a 0 € line free whatever its name, and says so', () => {
    expect(proposeTariffKind(0, 'Plein tarif', '', '')).toEqual({ kind: 'free', reason: { source: 'price' } });
    expect(proposeTariffKind(0, 'Étudiant', '', '')).toEqual({ kind: 'free', reason: { source: 'price' } });
    expect(tariffKind(1, 'Plein tarif', '', '')).toBe('full');
    expect(tariffKind(-1500, 'Plein tarif', '', '')).toBe('full');
  });

  it('reads the category or product-type column when the name says nothing', () => {
    expect(proposeTariffKind(PAID, 'Tarif B', 'Senior', '')).toEqual({ kind: 'reduced', reason: { source: 'category', match: 'senior' } });
    expect(proposeTariffKind(PAID, 'Tarif', 'Complimentary', '')).toEqual({ kind: 'free', reason: { source: 'category', match: 'complimentary' } });
    expect(tariffKind(PAID, 'Spectacle seul', 'Abonnement', '')).toBe('subscription');
    expect(tariffKind(PAID, 'Plein', 'Billet individuel', '')).toBe('full');
  });

  it('lets the stronger kind win between name, category and subscription column', () => {
    // free > subscription > reduced > full
    expect(tariffKind(PAID, 'Étudiant', 'Abonnement', '')).toBe('subscription');
    expect(tariffKind(PAID, 'Abonnement', 'Invitation', '')).toBe('free');
    expect(proposeTariffKind(PAID, 'Plein', '', 'Formule Découverte')).toEqual({ kind: 'subscription', reason: { source: 'subscriptionColumn' } });
  });

  it('gives the words that decided, as the name said them (folded)', () => {
    expect(proposeTariffKind(PAID, 'Moins de 26 ans', '', '').reason).toEqual({ source: 'name', match: 'moins de' });
    expect(proposeTariffKind(PAID, '-26 ans', '', '').reason).toEqual({ source: 'name', match: '-26' });
    expect(proposeTariffKind(PAID, "Demandeur d'emploi", '', '').reason).toEqual({ source: 'name', match: 'demandeur d emploi' });
    expect(proposeTariffKind(PAID, 'Plein tarif', '', '').reason).toEqual({ source: 'name', match: 'plein' });
    expect(proposeTariffKind(PAID, 'Tarif A', '', '').reason).toEqual({ source: 'default' });
  });
});
