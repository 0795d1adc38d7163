import { DataSource } from 'typeorm';
import { forbidden } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { badInput, notFound } from '../../platform/errors';
import type { Actor } from '../../platform/graphql/context';
import { PublicUrl } from '../../platform/public-url';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { AgencyService } from '../agencies/agency.service';
import { OneStopDeskService } from '../one-stop-desks/one-stop-desk.service';
import { ProcessingTimeUnit } from '../procedures/procedure.entity';
import { ProcedureService } from '../procedures/procedure.service';
import { DossierEvent, ResultDelivery } from './dossier.entity';
import { EVENT_LABELS } from './dossier-status';
import { DossierForm, type DocumentFile } from './dossier.inputs';
import { DOSSIER_LABEL, DossierService } from './dossier.service';
import { FORM_NUMBERS, renderForm, type FormHeader, type HandOff } from './documents';

/** Which event each form is drawn from (the receipt and the control sheet need none). */
const FORM_EVENT: Partial<Record<DossierForm, string>> = { SUPPLEMENT_REQUEST: 'REQUEST_SUPPLEMENT', REFUSAL: 'REFUSE', APOLOGY: 'APOLOGY' };

/** "Tỉnh Hà Tĩnh" → "Hà Tĩnh", for the place of the date line. */
const placeOf = (provinceName: string) => provinceName.replace(/^(Tỉnh|Thành phố)\s+/i, '');

/**
 * The legal forms of a dossier (Circular 01/2018/TT-VPCP) as PDF: drawn from the dossier and its
 * timeline, for those who handle it (they carry the applicant's personal data).
 */
@Injectable()
export class DossierDocumentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierService,
    private readonly procedures: ProcedureService,
    private readonly desks: OneStopDeskService,
    private readonly agencies: AgencyService,
    private readonly units: AdministrativeUnitService,
    private readonly links: PublicUrl,
  ) {}

  async render(actor: Actor, id: string, form: DossierForm): Promise<DocumentFile> {
    const dossier = await this.dossiers.find(actor, id);
    if (!dossier) throw notFound(DOSSIER_LABEL, id);
    if (!this.dossiers.handles(actor, dossier)) throw forbidden();
    const m = this.dataSource.manager;
    const [events] = await this.dossiers.eventsOf([dossier.id]);
    const wanted = FORM_EVENT[form];
    const source = wanted ? [...events].reverse().find((e) => e.kind === wanted) : undefined;
    if (wanted && !source) throw badInput('form', { vi: 'Hồ sơ chưa có bước tương ứng với mẫu này.', en: 'The dossier has no step this form records.' });

    const procedure = await this.procedures.inScope(m, actor, dossier.procedureId, 'procedureId');
    const desk = await this.desks.read(m, dossier.deskId);
    const deskAgency = await this.agencies.read(m, desk.agencyId);
    const decidingAgency = dossier.agencyId === deskAgency.id ? deskAgency : await this.agencies.read(m, dossier.agencyId);
    const province = await this.units.requireById(m, dossier.provinceId);
    const reception = events.find((e) => e.kind === 'RECEIVED_AT_DESK' || e.kind === 'RECEIVE');
    const header: FormHeader = { parentName: deskAgency.name !== desk.name ? deskAgency.name : undefined, issuerName: desk.name, placeName: placeOf(province.name), issuedAt: source?.at ?? new Date() };
    const applicant = { fullName: dossier.applicantName, address: dossier.applicantAddress ?? undefined, phone: dossier.applicantPhone, email: dossier.applicantEmail ?? undefined };
    const clerk = { name: reception?.actorLabel ?? '' };
    const [lines] = await this.dossiers.componentsOf([dossier.id]);
    let pdf: Buffer;
    switch (form) {
      case DossierForm.RECEIPT:
        pdf = await renderForm('RECEIPT', {
          ...header,
          issuedAt: dossier.receivedAt,
          dossierCode: dossier.code,
          procedureName: procedure.name,
          procedureCode: procedure.code,
          applicant,
          components: lines.map((c) => ({ name: c.name, form: c.originals > 0 ? 'ORIGINAL' : 'COPY', count: Math.max(1, c.originals || c.copies), digitised: c.digitised })),
          processingTime: `${String(procedure.processingTime).padStart(2, '0')} ${procedure.processingUnit === ProcessingTimeUnit.WORKING_HOURS ? 'giờ' : 'ngày'} làm việc`,
          procedureFee: dossier.procedureFee,
          postalFee: dossier.postalFee,
          receivedAt: dossier.receivedAt,
          dueAt: dossier.dueAt,
          delivery: dossier.resultDelivery === ResultDelivery.BY_POST ? { kind: 'BY_POST', address: dossier.deliveryAddress ?? '' } : { kind: 'AT_DESK', deskName: desk.name },
          clerk,
          trackingUrl: this.links.tracking(dossier.code),
        });
        break;
      case DossierForm.SUPPLEMENT_REQUEST: {
        const [reason, ...items] = (source!.note ?? '').split('\n');
        pdf = await renderForm('SUPPLEMENT_REQUEST', {
          ...header,
          dossierCode: dossier.code,
          procedureName: procedure.name,
          applicant,
          receivedAt: dossier.receivedAt,
          items: items.map((s) => s.replace(/^- /, '')).filter(Boolean),
          reason,
          clerk: { name: source!.actorLabel },
        });
        break;
      }
      case DossierForm.REFUSAL:
        pdf = await renderForm('REFUSAL', { ...header, dossierCode: dossier.code, procedureName: procedure.name, applicant, legalBasis: procedure.legalBasis ?? undefined, reason: source!.note ?? '', clerk: { name: source!.actorLabel } });
        break;
      case DossierForm.APOLOGY:
        pdf = await renderForm('APOLOGY', {
          ...header,
          dossierCode: dossier.code,
          procedureName: procedure.name,
          applicant,
          agencyName: decidingAgency.name,
          receivedAt: dossier.receivedAt,
          originalDueAt: dossier.dueAt,
          newDueAt: source!.dueAt ?? dossier.dueAt,
          reason: source!.note ?? '',
          signatory: { name: source!.actorLabel },
        });
        break;
      case DossierForm.CONTROL_SHEET:
        pdf = await renderForm('CONTROL_SHEET', {
          ...header,
          dossierCode: dossier.code,
          procedureName: procedure.name,
          applicant,
          decidingAgency: decidingAgency.name,
          receivedAt: dossier.receivedAt,
          dueAt: dossier.dueAt,
          handOffs: handOffs(events, desk.name, decidingAgency.name),
        });
        break;
    }
    return { fileName: `mau-${FORM_NUMBERS[form]}-${dossier.code}.pdf`, contentType: 'application/pdf', contentBase64: pdf.toString('base64') };
  }
}

/** The hand-offs of the control sheet (Form 05): each step of the timeline, from whom to which unit. */
function handOffs(events: DossierEvent[], deskName: string, agencyName: string): HandOff[] {
  const toUnit: Record<string, string> = { RECEIVED_AT_DESK: deskName, RECEIVE: deskName, FORWARD: agencyName, HANDED_TO_AGENCY: agencyName, RESULT_READY: deskName, RESULT_COLLECTED: 'Bưu điện', SUPPLEMENT_RECEIVED: agencyName, RETURN_RESULT: 'Người nộp hồ sơ', DELIVERED: 'Người nộp hồ sơ' };
  return events
    .filter((e) => e.kind !== 'RATED')
    .map((e) => ({
      fromName: e.actorLabel,
      fromUnit: e.unitName ?? (['FORWARD', 'RETURN_RESULT', 'RECEIVED_AT_DESK', 'RECEIVE', 'SUPPLEMENT_RECEIVED'].includes(e.kind) ? deskName : ['PICKED_UP', 'HANDED_TO_AGENCY', 'RESULT_COLLECTED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'PICKUP_SCHEDULED'].includes(e.kind) ? 'Bưu điện' : agencyName),
      toName: '',
      toUnit: toUnit[e.kind] ?? '',
      at: e.at,
      dueAt: e.dueAt ?? undefined,
      result: EVENT_LABELS[e.kind]?.vi ?? e.kind,
      notes: e.note ?? undefined,
    }));
}
