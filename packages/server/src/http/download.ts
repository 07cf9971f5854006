/**
 * Downloads: the DOCX media type and a Content-Disposition that keeps a Vietnamese file name (with an ASCII fallback).
 */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const attachment = (name: string) =>
  `attachment; filename="${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
