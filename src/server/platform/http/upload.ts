import type { FastifyRequest } from 'fastify';
import { MAX_FILE_BYTES } from '../../register/import/read-file.js';
import { AppError } from './errors.js';

/** The one uploaded file of a multipart request, read into memory (at most MAX_FILE_BYTES). Anything else is a 4xx. */
export async function uploadedFile(req: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw new AppError(400, 'upload_expected', 'Send the file as multipart/form-data in a field named "file"');
  try {
    const part = await req.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, parts: 5 } });
    if (!part) throw new AppError(400, 'upload_expected', 'The request holds no file');
    const bytes = await part.toBuffer();
    return { name: (part.filename || 'fil').slice(0, 200).replace(/[\u0000-\u001f]/g, ''), bytes };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'file_too_large', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    throw new AppError(400, 'upload_invalid', 'The upload could not be read');
  }
}

