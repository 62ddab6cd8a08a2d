// The S3 transfer engine: what the `s3` commands and the browser's S3 actions share.
export { DEFAULT_TRANSFER_CONFIG, TransferConfigError, transferConfigFromSection, parseHumanSize, partSizeFor, type TransferConfig } from './config.js';
export { createTransferContext, type TransferContext, type ObjectRef, type ProgressListener, type S3Caller } from './context.js';
export { RequestSlots, BandwidthLimiter } from './limits.js';
export { uploadFile, uploadStream } from './upload.js';
export { downloadToFile, downloadToWriter } from './download.js';
export { copyObject, copySourceHeader } from './copy.js';
export { presignGetObject, type PresignInput } from './presign.js';
export { listObjectPages, type ListedObject, type ListedPage, type ListOptions } from './listing.js';
export { downloadObjects, uploadFiles, deleteKeys, localFilesFor, objectsUnder, type RemoteObject, type LocalFile, type BatchOutcome } from './batch.js';
export { localPathFor, unsafeKeyReason } from './local-target.js';
export { localFileMatches } from './same-object.js';
export { TransferMeter, type TransferSnapshot } from './meter.js';
export { previewOf, looksBinary, PREVIEW_BYTES, type Preview } from './preview.js';
