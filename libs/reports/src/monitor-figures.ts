/** The figures of the monitor sociaal domein, in the order they are reported, with their Dutch label. */
export const MONITOR_FIGURES = [
  { figure: 'carers_registered_new', label: 'Nieuw aangemelde mantelzorgers' },
  { figure: 'carers_active', label: 'Actieve mantelzorgers' },
  { figure: 'young_carers', label: 'Jonge mantelzorgers (jonger dan 25)' },
  { figure: 'burden_low', label: 'Belasting laag (laatste meting in het jaar)' },
  { figure: 'burden_moderate', label: 'Belasting matig' },
  { figure: 'burden_high', label: 'Belasting hoog' },
  { figure: 'signals_handled_in_time', label: 'Signalen binnen de termijn opgevolgd' },
  { figure: 'signals_handled_late', label: 'Signalen na de termijn opgevolgd' },
  { figure: 'signals_open', label: 'Signalen nog open' },
  { figure: 'respite_booked', label: 'Respijtzorg geboekt (boekingen)' },
  { figure: 'respite_used', label: 'Respijtzorg gebruikt (boekingen)' },
  { figure: 'respite_places_offered', label: 'Respijtplaatsen aangeboden (per wijk van het aanbod)', byAgeBand: false },
  { figure: 'respite_places_taken', label: 'Respijtplaatsen bezet (per wijk van het aanbod)', byAgeBand: false },
  { figure: 'volunteers_active', label: 'Actieve vrijwilligers' },
  { figure: 'volunteers_vog_valid', label: 'Vrijwilligers met geldige VOG' },
  { figure: 'volunteers_trained', label: 'Getrainde vrijwilligers' },
  { figure: 'vouchers_issued', label: 'Waarderingsbonnen uitgegeven' },
  { figure: 'vouchers_redeemed', label: 'Waarderingsbonnen (deels) besteed' },
  { figure: 'event_attendance', label: 'Mantelzorgers aanwezig bij een evenement' },
] as const;

export type MonitorFigure = (typeof MONITOR_FIGURES)[number]['figure'];
