import { Injectable } from '@nestjs/common';
import { MunicipalityService } from '@app/identity';
import { DomainError, InjectMunicipalityScoped, isUniqueViolation, MunicipalityScopedRepository } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { Carer } from './carer.entity';
import { INSTRUMENTS, ScreeningResult, scoreScreening } from './screening-instruments';
import { Screening } from './screening.entity';
import { Signal } from './signal.entity';
import { dueAt } from './working-days';

export interface ScreeningOutcome {
  screening: Screening;
  result: ScreeningResult;
  signal: Signal | null;
}

/** Overload screening: scores the answers, keeps the history, and opens a signal on high burden. */
@Injectable()
export class ScreeningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMunicipalityScoped(Screening) private readonly screenings: MunicipalityScopedRepository<Screening>,
    @InjectMunicipalityScoped(Signal) private readonly signals: MunicipalityScopedRepository<Signal>,
    @InjectMunicipalityScoped(Carer) private readonly carers: MunicipalityScopedRepository<Carer>,
    private readonly municipalities: MunicipalityService,
  ) {}

  async submit(carer: Carer, instrumentId: string, answers: number[]): Promise<ScreeningOutcome> {
    const instrument = INSTRUMENTS[instrumentId];
    if (!instrument)
      throw new DomainError('UNKNOWN_INSTRUMENT', 400, {
        nl: `Er is geen vragenlijst ${instrumentId}.`,
        en: `No screening instrument ${instrumentId}.`,
      });
    if (
      answers.length !== instrument.statements.length ||
      answers.some((answer) => !Number.isInteger(answer) || answer < 0 || answer >= instrument.scale.nl.length)
    ) {
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        {
          nl: `${instrument.name} vraagt ${instrument.statements.length} antwoorden van 0 tot en met ${instrument.scale.nl.length - 1}.`,
          en: `${instrument.name} needs ${instrument.statements.length} answers from 0 to ${instrument.scale.nl.length - 1}.`,
        },
        [
          {
            field: 'answers',
            message: `answers must be ${instrument.statements.length} whole numbers from 0 to ${instrument.scale.nl.length - 1}`,
          },
        ],
      );
    }
    const result = scoreScreening(instrument, answers);
    const municipality = await this.municipalities.current();
    return this.dataSource.transaction(async (manager) => {
      const screening = await this.screenings.save(
        this.screenings.create({
          carerId: carer.id,
          instrument: instrument.id,
          instrumentVersion: instrument.version,
          answers,
          score: result.score,
          burden: result.burden,
        }),
        manager,
      );
      await this.carers.update({ id: carer.id }, { latestBurden: result.burden }, manager);
      let signal: Signal | null = null;
      if (
        result.burden === 'high' &&
        !(await this.signals.findOne({ carerId: carer.id, status: Not('closed') }, manager))
      ) {
        const draft = this.signals.create({
          carerId: carer.id,
          screeningId: screening.id,
          reason: 'high_burden',
          status: 'open',
          dueAt: dueAt(new Date(), municipality.settings.signalDueWorkingDays, municipality.timezone),
          claimedBy: null,
          claimedAt: null,
          closedAt: null,
          escalatedAt: null,
        });
        // A simultaneous screening may have opened it first; one open signal per carer is enough.
        await manager.query('SAVEPOINT open_signal');
        try {
          signal = await this.signals.save(draft, manager);
          await manager.query('RELEASE SAVEPOINT open_signal');
        } catch (error) {
          if (!isUniqueViolation(error, 'uq_signal_carer_unclosed')) throw error;
          await manager.query('ROLLBACK TO SAVEPOINT open_signal');
        }
      }
      return { screening, result, signal };
    });
  }

  history(carerId: string): Promise<Screening[]> {
    return this.screenings.find({ where: { carerId }, order: { createdAt: 'DESC' }, take: 50 });
  }
}
