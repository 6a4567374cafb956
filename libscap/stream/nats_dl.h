/* SPDX-License-Identifier: Apache-2.0 */
/*
 * nats_dl.h - libnats (NATS C client), opened with dlopen() when a transport first connects
 * (<libscap/shared/scry_dl.h>).
 *
 * Include this instead of <nats/nats.h>: it includes that header for the types and
 * prototypes, then makes each call of a function the transport uses a call through a member
 * of stream_nats_fns (a pointer of the function's own type): function-like macros, so
 * that the calls read as calls of the library and a struct tag of the same name
 * (struct rd_kafka_metadata) is left alone. stream_nats_load() must have succeeded before the first call:
 * the transport's open functions call it. A function not listed here does not link
 * (the library is not linked): add it to STREAM_NATS_FUNCS and to the names below.
 */
#ifndef SCAP_STREAM_NATS_DL_H
#define SCAP_STREAM_NATS_DL_H

#include <nats/nats.h>

#include <libscap/shared/scry_dl.h>

/* The SONAME the transport is built against (libnats3.4 in Debian 12). */
#define STREAM_NATS_SONAME "libnats.so.3.4"

#define STREAM_NATS_FUNCS(X) \
	X(jsConsumerInfo_Destroy) \
	X(jsCtx_Destroy) \
	X(jsFetchRequest_Init) \
	X(jsMsgMetaData_Destroy) \
	X(jsOptions_Init) \
	X(jsPubOptions_Init) \
	X(jsStreamConfig_Init) \
	X(jsStreamInfo_Destroy) \
	X(jsSubOptions_Init) \
	X(js_AddStream) \
	X(js_GetLastMsg) \
	X(js_GetStreamInfo) \
	X(js_PublishMsgAsync) \
	X(js_PullSubscribe) \
	X(natsConnection_Connect) \
	X(natsConnection_Destroy) \
	X(natsConnection_GetLastError) \
	X(natsConnection_GetMaxPayload) \
	X(natsConnection_JetStream) \
	X(natsConnection_Status) \
	X(natsMsgHeader_Get) \
	X(natsMsg_Create) \
	X(natsMsg_Destroy) \
	X(natsMsg_GetData) \
	X(natsMsg_GetDataLength) \
	X(natsMsg_GetMetaData) \
	X(natsOptions_Create) \
	X(natsOptions_Destroy) \
	X(natsOptions_SetMaxReconnect) \
	X(natsOptions_SetPingInterval) \
	X(natsOptions_SetReconnectWait) \
	X(natsOptions_SetRetryOnFailedConnect) \
	X(natsOptions_SetServers) \
	X(natsOptions_SetTimeout) \
	X(natsStatus_GetText) \
	X(natsSubscription_Destroy) \
	X(natsSubscription_FetchRequest) \
	X(natsSubscription_GetConsumerInfo) \
	X(natsSubscription_Unsubscribe)

SCRY_DL_TABLE(STREAM_NATS_FUNCS, stream_nats_fns);

/*
 * stream_nats_load - open libnats.so.3.4 and resolve the functions, on the first call of the
 * process (scry_dl_open()); @err: STREAM_ERR_SIZE bytes or NULL.
 * Return: 0; -ENOENT (message in @err: the library or a function is missing).
 */
int stream_nats_load(char *err);

#ifndef STREAM_NATS_DL_NO_REDIRECT
#define jsConsumerInfo_Destroy(...) (stream_nats_fns.jsConsumerInfo_Destroy(__VA_ARGS__))
#define jsCtx_Destroy(...) (stream_nats_fns.jsCtx_Destroy(__VA_ARGS__))
#define jsFetchRequest_Init(...) (stream_nats_fns.jsFetchRequest_Init(__VA_ARGS__))
#define jsMsgMetaData_Destroy(...) (stream_nats_fns.jsMsgMetaData_Destroy(__VA_ARGS__))
#define jsOptions_Init(...) (stream_nats_fns.jsOptions_Init(__VA_ARGS__))
#define jsPubOptions_Init(...) (stream_nats_fns.jsPubOptions_Init(__VA_ARGS__))
#define jsStreamConfig_Init(...) (stream_nats_fns.jsStreamConfig_Init(__VA_ARGS__))
#define jsStreamInfo_Destroy(...) (stream_nats_fns.jsStreamInfo_Destroy(__VA_ARGS__))
#define jsSubOptions_Init(...) (stream_nats_fns.jsSubOptions_Init(__VA_ARGS__))
#define js_AddStream(...) (stream_nats_fns.js_AddStream(__VA_ARGS__))
#define js_GetLastMsg(...) (stream_nats_fns.js_GetLastMsg(__VA_ARGS__))
#define js_GetStreamInfo(...) (stream_nats_fns.js_GetStreamInfo(__VA_ARGS__))
#define js_PublishMsgAsync(...) (stream_nats_fns.js_PublishMsgAsync(__VA_ARGS__))
#define js_PullSubscribe(...) (stream_nats_fns.js_PullSubscribe(__VA_ARGS__))
#define natsConnection_Connect(...) (stream_nats_fns.natsConnection_Connect(__VA_ARGS__))
#define natsConnection_Destroy(...) (stream_nats_fns.natsConnection_Destroy(__VA_ARGS__))
#define natsConnection_GetLastError(...) (stream_nats_fns.natsConnection_GetLastError(__VA_ARGS__))
#define natsConnection_GetMaxPayload(...) (stream_nats_fns.natsConnection_GetMaxPayload(__VA_ARGS__))
#define natsConnection_JetStream(...) (stream_nats_fns.natsConnection_JetStream(__VA_ARGS__))
#define natsConnection_Status(...) (stream_nats_fns.natsConnection_Status(__VA_ARGS__))
#define natsMsgHeader_Get(...) (stream_nats_fns.natsMsgHeader_Get(__VA_ARGS__))
#define natsMsg_Create(...) (stream_nats_fns.natsMsg_Create(__VA_ARGS__))
#define natsMsg_Destroy(...) (stream_nats_fns.natsMsg_Destroy(__VA_ARGS__))
#define natsMsg_GetData(...) (stream_nats_fns.natsMsg_GetData(__VA_ARGS__))
#define natsMsg_GetDataLength(...) (stream_nats_fns.natsMsg_GetDataLength(__VA_ARGS__))
#define natsMsg_GetMetaData(...) (stream_nats_fns.natsMsg_GetMetaData(__VA_ARGS__))
#define natsOptions_Create(...) (stream_nats_fns.natsOptions_Create(__VA_ARGS__))
#define natsOptions_Destroy(...) (stream_nats_fns.natsOptions_Destroy(__VA_ARGS__))
#define natsOptions_SetMaxReconnect(...) (stream_nats_fns.natsOptions_SetMaxReconnect(__VA_ARGS__))
#define natsOptions_SetPingInterval(...) (stream_nats_fns.natsOptions_SetPingInterval(__VA_ARGS__))
#define natsOptions_SetReconnectWait(...) (stream_nats_fns.natsOptions_SetReconnectWait(__VA_ARGS__))
#define natsOptions_SetRetryOnFailedConnect(...) (stream_nats_fns.natsOptions_SetRetryOnFailedConnect(__VA_ARGS__))
#define natsOptions_SetServers(...) (stream_nats_fns.natsOptions_SetServers(__VA_ARGS__))
#define natsOptions_SetTimeout(...) (stream_nats_fns.natsOptions_SetTimeout(__VA_ARGS__))
#define natsStatus_GetText(...) (stream_nats_fns.natsStatus_GetText(__VA_ARGS__))
#define natsSubscription_Destroy(...) (stream_nats_fns.natsSubscription_Destroy(__VA_ARGS__))
#define natsSubscription_FetchRequest(...) (stream_nats_fns.natsSubscription_FetchRequest(__VA_ARGS__))
#define natsSubscription_GetConsumerInfo(...) (stream_nats_fns.natsSubscription_GetConsumerInfo(__VA_ARGS__))
#define natsSubscription_Unsubscribe(...) (stream_nats_fns.natsSubscription_Unsubscribe(__VA_ARGS__))
#endif

#endif /* SCAP_STREAM_NATS_DL_H */
